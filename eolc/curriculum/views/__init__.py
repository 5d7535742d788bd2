"""Curriculum pages: learning (learner), records (transcripts, certificates) and authoring."""
