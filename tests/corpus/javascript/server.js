'use strict';

const express = require('express');
const session = require('express-session');
const RedisStore = require('connect-redis').default;
const helmet = require('helmet');
const cors = require('cors');
const rateLimit = require('express-rate-limit');
const passport = require('passport');
const { Strategy: LocalStrategy } = require('passport-local');
const bcrypt = require('bcryptjs');

const { redis } = require('./lib/redis');
const users = require('./lib/users');
const routes = require('./routes');

const app = express();
const PORT = Number(process.env.PORT || 3000);

app.use(helmet());
app.use(cors({
  origin: ['https://shop.example.com', /\.preview\.example\.com$/],
  credentials: true,
}));
app.use(express.json({ limit: '1mb' }));
app.use('/api/', rateLimit({
  windowMs: 15 * 60 * 1000,
  max: 300,
  standardHeaders: true,
}));

app.use(session({
  store: new RedisStore({ client: redis, prefix: 'sess:' }),
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
  cookie: { httpOnly: true, secure: true, sameSite: 'lax', maxAge: 1000 * 60 * 60 * 24 },
}));

passport.use(new LocalStrategy({ usernameField: 'email' }, async (email, password, done) => {
  try {
    const user = await users.findByEmail(email.toLowerCase());
    if (!user || !(await bcrypt.compare(password, user.passwordHash))) {
      return done(null, false, { message: 'Invalid email or password' });
    }
    return done(null, user);
  } catch (err) {
    return done(err);
  }
}));
passport.serializeUser((user, done) => done(null, user.id));
passport.deserializeUser((id, done) => users.findById(id).then((u) => done(null, u), done));
app.use(passport.initialize());
app.use(passport.session());

app.post('/login', passport.authenticate('local', { failureRedirect: '/login?failed=1' }), (req, res) => res.redirect('/account'));

app.get('/healthz', (req, res) => res.json({ ok: true }));
app.use('/api', routes);

app.use((err, req, res, next) => {
  req.log?.error(err);
  res.status(err.status || 500).json({ error: err.expose ? err.message : 'internal error' });
});

function formatUptime(seconds) {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${h}h ${m}m`;
}

if (require.main === module) {
  app.listen(PORT, '0.0.0.0', () => {
    console.log(`shop-api listening on ${PORT} (up ${formatUptime(process.uptime())})`);
  });
}

module.exports = { app, formatUptime };
