"""Pages of the B2B meetings: profiles, catalogue, requests, slot plan, scheduling, agendas."""

urlpatterns: list = []
