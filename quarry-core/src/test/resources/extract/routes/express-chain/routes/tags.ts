import { Router } from 'express';

const router = Router();

router.get('/tags', (req, res) => {
  res.json([]);
});

export default router;
