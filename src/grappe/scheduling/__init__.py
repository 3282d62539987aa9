"""The B2B meeting scheduler: plain Python and constraint solvers, no Django.

An :class:`~grappe.scheduling.model.Instance` describes slots, tables, participants and the
meetings they agreed to; :func:`grappe.scheduling.solver.solve` places as many of them as
possible, then with as few breaks as possible, and says whether it proved it.
"""
