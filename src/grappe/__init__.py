"""Grappe: the platform an innovation cluster (pôle de compétitivité) runs on."""
