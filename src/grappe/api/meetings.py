"""B2B meetings: profiles, catalogue, requests, slot plans, scheduling and agendas."""

from ninja import Router

router = Router(tags=["b2b meetings"])
