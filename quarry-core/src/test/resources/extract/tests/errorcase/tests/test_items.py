class TestItems:
    def test_create_item(self, client):
        response = client.post("/items", json={"name": "a"})
        assert response.status_code == 201

    def test_create_item_rejects_a_blank_name(self, client):
        response = client.post("/items", json={"name": ""})
        assert response.status_code == 422
