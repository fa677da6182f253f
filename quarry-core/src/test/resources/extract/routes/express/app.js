const ex = require('express');
const users = require('./users');

const app = ex();
app.use('/v1/users', users);

app.get('/health', (req, res) => {
  res.send('ok');
});
