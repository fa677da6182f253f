import express from 'express';

const router = express.Router();

/** List users. */
router.get('/', async (req, res) => {
  res.json([]);
});

router.route('/:id')
  .get((req, res) => res.json({}))
  .delete((req, res) => res.sendStatus(204));

module.exports = router;
