// The course's Express server, as the benchmark's peer: express-jwt checks the Bearer token
// in front of every route but POST /login, GET /random-user answers faker's userCard plus an
// avatar with res.json, GET /me answers the token's claims. One process, 127.0.0.1:$PORT.
"use strict";
const express = require("express");
const { expressjwt } = require("express-jwt");
const jwt = require("jsonwebtoken");
const faker = require("faker");

const secret = process.env.JWT_SECRET || "a peer-only secret that is long enough";
const user = { username: "kentcdodds", password: "p" };
const app = express();

app.use(express.json());
app.use(expressjwt({ secret, algorithms: ["HS256"] }).unless({ path: ["/login"] }));

app.post("/login", (req, res) => {
  const { username, password } = req.body || {};
  if (username !== user.username || password !== user.password) {
    return res.status(401).end("Username or password incorrect");
  }
  const token = jwt.sign({ username }, secret, { expiresIn: 300 });
  res.json({ token, user: { username } });
});

app.get("/random-user", (req, res) => {
  const card = faker.helpers.userCard();
  card.avatar = faker.image.avatar();
  res.json(card);
});

app.get("/me", (req, res) => res.json(req.auth));

app.listen(Number(process.env.PORT || 3000), "127.0.0.1");
