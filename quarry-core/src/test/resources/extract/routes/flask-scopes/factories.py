from flask import Flask


def make_a():
    app = Flask(__name__)

    def index():
        return "a"

    app.add_url_rule("/a", "index", index)
    return app


def make_b():
    app = Flask(__name__)

    def index():
        return "b"

    app.add_url_rule("/b", "index", index)
    return app
