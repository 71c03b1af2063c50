"""Evidence files: the file system by default, S3-compatible storage when a bucket is set."""

from tests.grfnet.test_settings import _manage

SHOW_STORAGE = (
    "from django.conf import settings; s = settings.STORAGES['default']; o = s.get('OPTIONS', {}); "
    "print('storage:', s['BACKEND'], o.get('bucket_name'), o.get('endpoint_url'), "
    "o.get('default_acl'))"
)


def _storage(**env):
    result = _manage("shell", "--no-imports", "-c", SHOW_STORAGE, **env)
    return next(line for line in result.stdout.splitlines() if line.startswith("storage:"))


def test_files_are_kept_on_the_file_system_by_default():
    assert _storage() == "storage: django.core.files.storage.FileSystemStorage None None None"


def test_a_bucket_switches_to_private_s3_compatible_storage():
    line = _storage(
        GRFNET_S3_BUCKET="grfnet-evidence", GRFNET_S3_ENDPOINT_URL="https://s3.example.org"
    )
    assert line == (
        "storage: storages.backends.s3.S3Storage grfnet-evidence https://s3.example.org private"
    )
