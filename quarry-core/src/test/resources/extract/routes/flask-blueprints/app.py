from flask import Flask

from auth import bp as auth_bp

app = Flask(__name__)
app.register_blueprint(auth_bp, url_prefix="/auth")


@app.route("/health")
def health():
    return "ok"
