const catchAsync = require('../utils/catchAsync');

/** Create a user from the request body. */
const createUser = catchAsync(async (req, res) => {
  const user = await userService.createUser(req.body);
  res.status(201).send(user);
});

const getUsers = async (req, res) => {
  res.send(await userService.queryUsers());
};

module.exports = { createUser, getUsers };
