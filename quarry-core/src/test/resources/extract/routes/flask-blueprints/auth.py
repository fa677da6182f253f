from flask import Blueprint

bp = Blueprint("auth", __name__, url_prefix="/v2")


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Log a user in."""
    return "login"
