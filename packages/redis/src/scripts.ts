/**
 * The Lua scripts: each decision is one atomic script, so that no two processes can both take
 * the last slot of a window. Time is the Redis server's (`TIME`), never a client's clock.
 *
 * Keys (one hash tag, so that a Redis Cluster keeps them on one node):
 * - `log`: sorted set of grants, score = send time (ms): the sliding log every window is counted on.
 * - `creates`, `polls`: sorted sets of waiting requests, score = due time (ms, Redis time).
 * - `expiry`: sorted set of waiting requests, score = when they lapse unless their process's heartbeat renews them.
 * - `inflight`: sorted set of granted requests not yet answered, score = when they lapse (same heartbeat).
 * - `state`: hash of what the fleet learned from answers: `known` (an answer came since the state
 *   was created: else one request at a time), `since` (when the state was created), `slowUntil` (a
 *   process that had seen an older state found it gone: one request at a time until the sends it
 *   may have missed leave the longest window), `limit` (the tightest `RateLimit-Limit` seen),
 *   `blockedUntil`, `credits`, `creditsUntil`, `holdUntil` (the state replaced one the fleet had
 *   sent on: no grant until every live process could put its sends back, see RESEED).
 */

/** The key names under a namespace, in the order the scripts take them. */
export function keysOf(namespace: string): string[] {
  // The hash tag ({…}) keeps every key of one namespace in one Cluster slot.
  return ["log", "creates", "polls", "expiry", "inflight", "state"].map((name) => `{${namespace}}:${name}`);
}

const NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

/** The state's birth (Redis ms), \`since\`: a process that finds another than the one it knew knows Redis lost its keys. */
const SINCE = `
redis.call('HSETNX', KEYS[6], 'since', now)
local since = tonumber(redis.call('HGET', KEYS[6], 'since'))
`;

/**
 * A waiting request asks for a slot. ARGV: member, kind ("create" | "poll"), due time (Redis ms),
 * lapse after (ms), in-flight cap (0: none), key lifetime (ms), when the caller last heard from
 * Redis (Redis ms, 0: never), the hold after a lost state (ms), window count, then quota and
 * length (ms, margin included) per window.
 * Returns {1, now, limit, 0, since} when granted (the member moved from its queue to the log and
 * in-flight set), else {0, now, limit, waitMs, since}: waitMs is how long until the windows could
 * admit the caller after everyone due ahead of it (0 when only the queue or the in-flight cap
 * holds it); since is the state's birth (see SINCE).
 */
export const ACQUIRE = `${NOW}
local log, creates, polls, expiry, inflight, state = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local member, create, due, ttl, cap, keyTtl = ARGV[1], ARGV[2] == 'create', ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5]), ARGV[6]
local lastSeen, holdMs = tonumber(ARGV[7]), tonumber(ARGV[8])

-- Requests of processes that stopped renewing them (killed, partitioned) no longer hold anyone up.
local lapsed = redis.call('ZRANGEBYSCORE', expiry, '-inf', now, 'LIMIT', 0, 1000)
for i = 1, #lapsed, 200 do
  local chunk = {unpack(lapsed, i, math.min(i + 199, #lapsed))}
  redis.call('ZREM', creates, unpack(chunk))
  redis.call('ZREM', polls, unpack(chunk))
  redis.call('ZREM', expiry, unpack(chunk))
end
redis.call('ZREMRANGEBYSCORE', inflight, '-inf', now)

-- (Re-)register the caller: a restarted Redis has forgotten it.
redis.call('ZADD', create and creates or polls, due, member)
redis.call('ZADD', expiry, now + ttl, member)

-- Who goes first: every due create, then every due poll due earlier.
local ahead
if create then
  ahead = redis.call('ZCOUNT', creates, '-inf', '(' .. due)
else
  ahead = redis.call('ZCOUNT', creates, '-inf', now) + redis.call('ZCOUNT', polls, '-inf', '(' .. due)
end

local s = redis.call('HMGET', state, 'known', 'limit', 'blockedUntil', 'credits', 'creditsUntil', 'slowUntil', 'holdUntil')
local limit = s[2] or ''
local free = 1e18
local wait = 0
local longest, largest = 0, 0
-- A request in flight reaches the server at some time between its grant and its answer: until
-- answered it counts in every window, however long ago it was granted (on a busy machine the
-- trip can outlast the margin); answered, its send time becomes the answer's (RELEASE).
local flying = {}
for i, m in ipairs(redis.call('ZRANGE', inflight, 0, -1)) do flying[i] = tonumber(redis.call('ZSCORE', log, m) or now) end
for i = 0, tonumber(ARGV[9]) - 1 do
  local quota, len = tonumber(ARGV[10 + 2 * i]), tonumber(ARGV[11 + 2 * i])
  longest = math.max(longest, len)
  largest = math.max(largest, quota)
  local from = '(' .. (now - len)
  local logged = redis.call('ZCOUNT', log, from, '+inf')
  local stale = 0
  for _, granted in ipairs(flying) do
    if granted <= now - len then stale = stale + 1 end
  end
  free = math.min(free, quota - logged - stale)
  -- The caller's slot: when the send that must leave this window for it (and those ahead) does
  -- (a stale in-flight one leaves when answered: unknown, so no estimate then).
  local index = logged + stale - quota + ahead - stale
  if index >= 0 and index < logged then
    local oldest = redis.call('ZRANGEBYSCORE', log, from, '+inf', 'WITHSCORES', 'LIMIT', index, 1)
    if oldest[2] then wait = math.max(wait, tonumber(oldest[2]) + len - now) end
  end
end
local blockedUntil = tonumber(s[3] or '0')
if blockedUntil > now then
  free = 0
  wait = math.max(wait, blockedUntil - now)
end
-- Slow start: one request in flight until an answer says more. And when the caller heard from an
-- older state within the longest window (Redis restarted or flushed: the log of those sends is
-- gone), until they have left it: then every answer's RateLimit-Remaining is fresh, with nothing
-- else in flight, and the credits from it are exact. A fresh fleet has sent nothing: no such wait.
${SINCE}
local slowUntil = tonumber(s[6] or '0')
local holdUntil = tonumber(s[7] or '0')
if lastSeen > 0 and since > lastSeen and lastSeen + longest > slowUntil then
  slowUntil = lastSeen + longest
  redis.call('HSET', state, 'slowUntil', slowUntil)
  -- The server still counts the lost log's sends: none goes until the processes put theirs back.
  if holdUntil == 0 then
    holdUntil = since + holdMs
    redis.call('HSET', state, 'holdUntil', holdUntil)
  end
end
if holdUntil > now then
  free = 0
  wait = math.max(wait, holdUntil - now)
end
local slow = not s[1] or now < slowUntil
local credited = false
if s[4] then
  local creditsUntil = tonumber(s[5])
  if creditsUntil > now then
    credited = true
    local credits = tonumber(s[4])
    free = math.min(free, credits)
    if credits <= ahead then wait = math.max(wait, creditsUntil - now) end
  else
    -- What the server said is left has expired: one at a time until it says again.
    slow = true
  end
end
if slow then cap = 1 end
if cap > 0 then free = math.min(free, cap - redis.call('ZCARD', inflight)) end

if ahead >= free then return {0, now, limit, wait, since} end
redis.call('ZREM', creates, member)
redis.call('ZREM', polls, member)
redis.call('ZREM', expiry, member)
redis.call('ZADD', log, now, member)
redis.call('ZADD', inflight, now + ttl, member)
if credited then redis.call('HINCRBY', state, 'credits', -1) end
-- Sends older than every window, and beyond the largest quota, no longer count.
redis.call('ZREMRANGEBYSCORE', log, '-inf', now - longest)
redis.call('ZREMRANGEBYRANK', log, 0, -largest - 1)
for i = 1, 6 do redis.call('PEXPIRE', KEYS[i], keyTtl) end
return {1, now, limit, 0, since}
`;

/**
 * A granted request's answer (or its absence). ARGV: member, answered ("1" when headers came),
 * remaining (or ""), reset ms (or ""), limit (or ""), margin ms, key lifetime ms, the quota the
 * Remaining counts against (`RateLimit-Limit`'s leading number, or ""), window count, then quota
 * and length (ms, margin included) per window.
 * Frees the in-flight slot and moves its send time to now (the latest it can have arrived); an
 * answer ends slow start. `RateLimit-Remaining` sets the fleet's credits (less what is in flight)
 * until `RateLimit-Reset` and, at 0, holds every process until then (the server counts sends the
 * log does not: other users of the key, a log lost with a restart) — unless the log's window of
 * that quota leaves no more than the server says, which explains it: the log frees each slot to
 * the ms, while the Reset is rounded up to whole seconds.
 */
export const RELEASE = `${NOW}
local log, inflight, state = KEYS[1], KEYS[5], KEYS[6]
-- It reached the server by now at the latest: it counts from here (only if still logged and in flight).
if redis.call('ZREM', inflight, ARGV[1]) == 1 then redis.call('ZADD', log, 'XX', now, ARGV[1]) end
if ARGV[2] ~= '1' then return now end
redis.call('HSET', state, 'known', '1')
if ARGV[5] ~= '' then redis.call('HSET', state, 'limit', ARGV[5]) end
-- The log explains a Remaining when the window it speaks of (the one of that quota) has no more
-- left in the log: then the log holds the fleet, freeing each slot to the ms.
local explained = false
for i = 0, tonumber(ARGV[9]) - 1 do
  local quota, len = tonumber(ARGV[10 + 2 * i]), tonumber(ARGV[11 + 2 * i])
  if ARGV[3] ~= '' and tostring(quota) == ARGV[8]
    and tonumber(ARGV[3]) >= quota - redis.call('ZCOUNT', log, '(' .. (now - len), '+inf') then
    explained = true
  end
end
if ARGV[3] ~= '' and ARGV[4] ~= '' and not explained then
  local remaining = tonumber(ARGV[3])
  local untilAt = now + tonumber(ARGV[4]) + tonumber(ARGV[6])
  if remaining == 0 then
    local blocked = tonumber(redis.call('HGET', state, 'blockedUntil') or '0')
    redis.call('HSET', state, 'blockedUntil', math.max(blocked, untilAt))
  end
  redis.call('HSET', state, 'credits', math.max(0, remaining - redis.call('ZCARD', inflight)), 'creditsUntil', untilAt)
end
redis.call('PEXPIRE', state, ARGV[7])
return now
`;

/**
 * A process's heartbeat: its waiting and in-flight requests stay alive for another `ttl` ms.
 * ARGV: lapse after (ms), then the members. Only entries still on Redis are renewed: one granted
 * or withdrawn meanwhile must not come back (a waiting request a restarted Redis lost is
 * registered again by its next ask; in-flight ones come back with RESEED).
 * Returns the state's birth (see SINCE), 0 when there is no state.
 */
export const HEARTBEAT = `${NOW}
local expiry, inflight = KEYS[4], KEYS[5]
local ttl = tonumber(ARGV[1])
for i = 2, #ARGV do
  redis.call('ZADD', expiry, 'XX', now + ttl, ARGV[i])
  redis.call('ZADD', inflight, 'XX', now + ttl, ARGV[i])
end
return tonumber(redis.call('HGET', KEYS[6], 'since') or '0')
`;

/**
 * A process found the state it knew gone (Redis restarted or flushed): the server still counts
 * the sends the lost log held, and each process knows its own. It puts them back, and those still
 * unanswered back in flight. Until \`holdUntil\` (the state's birth plus the hold: long enough for
 * every live process's heartbeat to find the new state and do the same) nothing is granted.
 * ARGV: lapse after (ms), key lifetime (ms), hold (ms), send count n, then n pairs of send time
 * (Redis ms) and member, then the members in flight. Returns the state's birth.
 */
export const RESEED = `${NOW}${SINCE}
local log, inflight, state = KEYS[1], KEYS[5], KEYS[6]
local ttl, n = tonumber(ARGV[1]), tonumber(ARGV[4])
if not redis.call('HGET', state, 'holdUntil') then redis.call('HSET', state, 'holdUntil', since + tonumber(ARGV[3])) end
for i = 0, n - 1 do redis.call('ZADD', log, 'NX', ARGV[5 + 2 * i], ARGV[6 + 2 * i]) end
for i = 5 + 2 * n, #ARGV do redis.call('ZADD', inflight, now + ttl, ARGV[i]) end
for i = 1, 6 do redis.call('PEXPIRE', KEYS[i], ARGV[2]) end
return since
`;

/**
 * A request starts waiting: it counts in the fleet's order at once, not only once it is its
 * process's best (else a process asking fast would take a burst's slots ahead of earlier requests
 * of slower ones); a member already in the log (granted) is left alone. ARGV: member, kind, due time
 * (Redis ms), lapse after (ms).
 */
export const REGISTER = `${NOW}
-- Already granted: a registration resent after NOSCRIPT can arrive after its own grant.
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then return now end
redis.call('ZADD', ARGV[2] == 'create' and KEYS[2] or KEYS[3], ARGV[3], ARGV[1])
redis.call('ZADD', KEYS[4], now + tonumber(ARGV[4]), ARGV[1])
return now
`;

/** A request that stopped waiting (aborted, past its deadline): it holds no one up. ARGV: member. */
export const WITHDRAW = `
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('ZREM', KEYS[5], ARGV[1])
return 1
`;
