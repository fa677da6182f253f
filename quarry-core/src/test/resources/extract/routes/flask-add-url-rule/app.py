from flask import Flask
from flask.views import MethodView

app = Flask(__name__)


def index():
    """Greet the visitor."""
    return "hello"


class Counter(MethodView):
    def get(self):
        return {"n": 1}

    def post(self):
        return {"n": 2}


app.add_url_rule("/", "index", index)
app.add_url_rule("/counter", view_func=Counter.as_view("counter"))
