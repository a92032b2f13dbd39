from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.db import models


class PersonManager(BaseUserManager):
    def create_user(self, handle, password=None, **extra_fields):
        user = self.model(handle=handle, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, handle, password=None, **extra_fields):
        return self.create_user(handle, password, **extra_fields)


class Person(AbstractBaseUser):
    handle = models.CharField(max_length=40, primary_key=True)
    full_name = models.CharField(max_length=120, blank=True, db_column="name")

    objects = PersonManager()

    USERNAME_FIELD = "handle"
    REQUIRED_FIELDS = []


class Team(models.Model):
    name = models.CharField(max_length=50)
    lead = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL)
