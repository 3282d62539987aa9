"""The members domain's endpoints: organisations, people, memberships, clusters."""

from ninja import Router

from grappe.api.members import clusters, memberships, organisations, people

router = Router()
router.add_router("", organisations.router)
router.add_router("", people.router)
router.add_router("", memberships.router)
router.add_router("", clusters.router)
