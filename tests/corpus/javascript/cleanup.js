const fs = require('node:fs');
const path = require('node:path');
const knex = require('knex')(require('../knexfile').production);
const { Op } = require('sequelize');
const { AuditEvent } = require('../models');

const RETENTION_DAYS = Number(process.env.AUDIT_RETENTION_DAYS || 90);
const UPLOAD_ROOT = '/var/lib/shop/uploads';

/** Recently viewed products, per process; cleared on logout. */
const recentlyViewed = new Map();

function forgetRecent(userId) {
  recentlyViewed.delete(userId);
}

async function purgeExpiredCarts() {
  const cutoff = new Date(Date.now() - 14 * 86400 * 1000);
  const removed = await knex('carts')
    .where('updated_at', '<', cutoff)
    .whereNull('order_id')
    .del();
  return removed;
}

async function purgeAuditEvents() {
  const cutoff = new Date(Date.now() - RETENTION_DAYS * 86400 * 1000);
  return AuditEvent.destroy({ where: { createdAt: { [Op.lt]: cutoff } } });
}

async function dropLegacyTables() {
  await knex.schema.dropTableIfExists('wishlist_items_old');
  await knex.schema.alterTable('products', (t) => {
    t.dropColumn('legacy_sku');
  });
}

function removeUploadsFor(userId) {
  const dir = path.join(UPLOAD_ROOT, String(userId));
  if (!dir.startsWith(UPLOAD_ROOT + path.sep)) {
    throw new Error(`refusing to remove ${dir}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

function withoutKey(obj, key) {
  const { [key]: _omit, ...rest } = obj;
  return rest;
}

function removeFromList(list, item) {
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
  return list;
}

async function main() {
  const carts = await purgeExpiredCarts();
  const events = await purgeAuditEvents();
  console.log(JSON.stringify({ carts, events, cachedUsers: recentlyViewed.size }));
  await knex.destroy();
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}

module.exports = { purgeExpiredCarts, purgeAuditEvents, dropLegacyTables, removeUploadsFor, forgetRecent, withoutKey, removeFromList };
