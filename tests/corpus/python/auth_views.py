"""Login, logout and API-token endpoints for the customer portal."""
from datetime import datetime, timedelta, timezone
from functools import wraps

import bcrypt
import jwt
from flask import Blueprint, current_app, g, jsonify, request, session

from .models import User, db

bp = Blueprint("auth", __name__, url_prefix="/auth")

SIGNING_KEY = "9f2c1e7a4b8d0f6e3a5c7b9d1f0e2a4c"
TOKEN_TTL = timedelta(hours=12)


def _json_error(message, status):
    return jsonify({"error": message}), status


def issue_token(user):
    now = datetime.now(timezone.utc)
    claims = {"sub": str(user.id), "iat": now, "exp": now + TOKEN_TTL, "scope": user.scope}
    return jwt.encode(claims, SIGNING_KEY, algorithm="HS256")


def token_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        header = request.headers.get("Authorization", "")
        if not header.startswith("Bearer "):
            return _json_error("missing token", 401)
        try:
            claims = jwt.decode(header[7:], SIGNING_KEY, algorithms=["HS256"])
        except jwt.PyJWTError:
            return _json_error("invalid token", 401)
        g.user = User.query.get(int(claims["sub"]))
        return view(*args, **kwargs)

    return wrapper


@bp.post("/login")
def login():
    data = request.get_json(force=True)
    user = User.query.filter_by(email=data.get("email", "").lower()).first()
    if user is None or not bcrypt.checkpw(data.get("password", "").encode(), user.password_hash):
        current_app.logger.info("failed login for %s", data.get("email"))
        return _json_error("invalid credentials", 401)
    session.clear()
    session["user_id"] = user.id
    session.permanent = True
    return jsonify({"token": issue_token(user), "name": user.display_name})


@bp.post("/logout")
def logout():
    session.clear()
    return "", 204


def set_password(user, new_password):
    if len(new_password) < 12:
        raise ValueError("password too short")
    user.password_hash = bcrypt.hashpw(new_password.encode(), bcrypt.gensalt(rounds=12))
    db.session.commit()


@bp.get("/me")
@token_required
def me():
    return jsonify({"id": g.user.id, "name": g.user.display_name, "author": g.user.is_author})


def format_last_login(user):
    """Human-readable last login, shown in the account menu."""
    if user.last_login is None:
        return "never"
    return user.last_login.strftime("%d %b %Y, %H:%M")


def password_field_label(locale):
    return {"de": "Passwort", "fr": "Mot de passe"}.get(locale, "Password")
