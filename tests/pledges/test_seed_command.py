import pytest
from django.core.management import call_command

from pledges.models import Objective, Pledge

pytestmark = pytest.mark.django_db


def test_seed_data_loads_into_an_empty_database_once_and_keeps_later_changes():
    call_command("load_seed_data", verbosity=0)
    assert Objective.objects.count() == 4
    pledge = Pledge.objects.get(pk=4)
    Pledge.objects.filter(pk=4).update(current_stage="fulfilled")

    call_command("load_seed_data", verbosity=0)

    pledge.refresh_from_db()
    assert pledge.current_stage == "fulfilled"
    assert Pledge.objects.count() == 14


def test_force_reloads_the_seed_data():
    call_command("load_seed_data", verbosity=0)
    Pledge.objects.filter(pk=4).update(current_stage="fulfilled")
    call_command("load_seed_data", force=True, verbosity=0)
    assert Pledge.objects.get(pk=4).current_stage == "in_progress"
