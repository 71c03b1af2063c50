"""Evidence files: a directory by default, an S3-compatible bucket when configured."""

from tests.grfnet.test_settings import _manage

SHOW_STORAGE = (
    "from django.conf import settings; s = settings.STORAGES['default']; "
    "print('storage:', s['BACKEND'], sorted(s['OPTIONS'].items()))"
)


def _storage(**env):
    result = _manage("shell", "--no-imports", "-c", SHOW_STORAGE, **env)
    return next(line for line in result.stdout.splitlines() if line.startswith("storage:"))


def test_evidence_files_are_kept_in_a_directory_by_default():
    line = _storage()
    assert line.startswith("storage: django.core.files.storage.FileSystemStorage [('location',")
    assert line.endswith("/media/evidence')]")


def test_a_bucket_is_configured_like_the_report_storage():
    line = _storage(
        GRFNET_EVIDENCE_STORAGE="storages.backends.s3.S3Storage",
        GRFNET_EVIDENCE_STORAGE_OPTIONS=(
            '{"bucket_name": "grfnet-evidence", "default_acl": "private"}'
        ),
    )
    assert line == (
        "storage: storages.backends.s3.S3Storage "
        "[('bucket_name', 'grfnet-evidence'), ('default_acl', 'private')]"
    )
