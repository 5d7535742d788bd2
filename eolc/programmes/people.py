"""Which people a staff member may see, scoped through the programmes they run."""

from eolc.accounts.models import User
from eolc.programmes.models import Membership, Role


def visible_to(user):
    """Site admins see everyone; programme admins see members of programmes they administer."""
    people = User.objects.select_related("job_role", "area", "organisation")
    if user.is_site_admin:
        return people.all()
    administered = Membership.objects.filter(person=user, role=Role.ADMIN).values("programme")
    return people.filter(memberships__programme__in=administered).distinct()
