"""The labelling domain's endpoints: projects, applications and their moves, documents and
label letters, experts and reviews, the committee, calls and figures."""

from ninja import Router

from grappe.api.labelling import applications, calls, committee, documents, projects, reviews
from grappe.api.labelling.common import install_error_handlers

__all__ = ["install_error_handlers", "router"]

router = Router()
router.add_router("", projects.router)
router.add_router("", applications.router)
router.add_router("", documents.router)
router.add_router("", reviews.router)
router.add_router("", committee.router)
router.add_router("", calls.router)
