"""Route modules, one per resource family; `ROUTERS` is the route table the app mounts."""
