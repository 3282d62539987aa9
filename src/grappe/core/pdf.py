"""PDF documents (label letters, tickets, B2B agendas) drawn by WeasyPrint from HTML.

A document is drawn from its own HTML and the files it is allowed to name: nothing is fetched
from the network, and a URL the document may not fetch stops the drawing.

WeasyPrint lays text out with Pango, a system library. Without it (`libpango-1.0-0` and
`libpangoft2-1.0-0` on Debian) Grappe still runs and says nothing of it, but drawing a PDF
raises `PdfRenderingUnavailable` with the packages to install.
"""

import contextlib
import io
from collections.abc import Collection, Sequence
from pathlib import Path

try:
    # On failure WeasyPrint prints its own advice on standard output, which would pollute the
    # output of every command; MISSING_PANGO says it when a PDF is asked for.
    with contextlib.redirect_stdout(io.StringIO()):
        import weasyprint
except OSError as error:  # Pango or one of its libraries cannot be loaded
    weasyprint = None
    WEASYPRINT_ERROR = str(error)
else:
    WEASYPRINT_ERROR = ""

MISSING_PANGO = (
    "PDF documents cannot be rendered: WeasyPrint needs the Pango library. On Debian or "
    "Ubuntu, install it with `sudo apt install libpango-1.0-0 libpangoft2-1.0-0 "
    "fonts-dejavu-core`."
)


class PdfRenderingUnavailable(RuntimeError):
    """The machine lacks what WeasyPrint needs to draw a PDF (Pango)."""


class PdfRenderingError(RuntimeError):
    """The document asked for a file or URL it may not fetch, or one of its files is missing."""


def pdf_rendering_available() -> bool:
    return weasyprint is not None


def html_to_pdf(
    html: str,
    *,
    allowed_protocols: Collection[str] = (),
    base_url: str | None = None,
    stylesheets: Sequence[Path] = (),
) -> bytes:
    """The HTML drawn as a PDF. Only URLs of `allowed_protocols` are fetched (none by default;
    `{"data"}` for inline images, `{"file"}` for a document's own static files), relative
    ones against `base_url`; `stylesheets` are CSS files applied on top of the HTML's style.

    Raises PdfRenderingUnavailable without Pango, PdfRenderingError for a refused URL.
    """
    if weasyprint is None:
        raise PdfRenderingUnavailable(f"{MISSING_PANGO} ({WEASYPRINT_ERROR})")
    fetcher = weasyprint.urls.URLFetcher(
        allowed_protocols=set(allowed_protocols), fail_on_errors=True
    )
    try:
        document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher)
        return document.write_pdf(
            stylesheets=[
                weasyprint.CSS(filename=str(stylesheet), url_fetcher=fetcher)
                for stylesheet in stylesheets
            ]
        )
    except weasyprint.urls.FatalURLFetchingError as error:
        raise PdfRenderingError(str(error)) from error
