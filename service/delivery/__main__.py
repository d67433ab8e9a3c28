"""`python -m service.delivery`: the delivery worker on its own (what `make run` starts beside gunicorn)."""

from service.app import create_app
from service.delivery.run import serve

if __name__ == "__main__":
    serve(create_app())
