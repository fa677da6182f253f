const express = require('express');
const auth = require('../middlewares/auth');
const userController = require('../controllers/user.controller');

const router = express.Router();

router.route('/').post(auth('manageUsers'), validate(createUserSchema), userController.createUser).get(userController.getUsers);
router.get('/:id',
  userController.getUser);

module.exports = router;
