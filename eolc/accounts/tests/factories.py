import factory
from factory.django import DjangoModelFactory

from eolc.accounts.models import Area, JobRole, Organisation, Sector, User

TEST_PASSWORD = "correct-horse-battery-staple"


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Organisation {n}")


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name", locale="en_GB")
    sector = Sector.SOCIAL_CARE
    job_role = factory.LazyFunction(lambda: JobRole.objects.get(slug="social_worker"))
    area = factory.LazyFunction(lambda: Area.objects.get(code="E09000007"))

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or TEST_PASSWORD)
        if create:
            self.save(update_fields=["password"])

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """allauth refuses unverified emails at sign-in, so factory people are verified."""
        if create and extracted is not False:
            from allauth.account.models import EmailAddress

            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )
