"""The matrix and can-i-deploy (design note §3.12, §3.13, §5.4): which consumer and provider
versions have been verified together, and whether a version can be deployed."""
