"""Representers: domain rows → HAL documents. Pure functions; they never query."""
