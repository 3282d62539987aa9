import pytest


@pytest.fixture(autouse=True)
def _static_root(settings, tmp_path):
    # WhiteNoise warns (an error under filterwarnings) when STATIC_ROOT does not exist,
    # which is the case before the first `collectstatic`.
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()


@pytest.fixture(autouse=True)
def _english(settings):
    # Pages are checked against their English msgids, whatever French translations say.
    settings.LANGUAGE_CODE = "en"
