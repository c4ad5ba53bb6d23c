-- Takes ARGV[3] slots of one key, as InMemoryRateLimitBackend does (RateLimitBackend has the model): the slots
-- that freed, or free, earliest; the grant is at the latest of "now", the key's pause and the instant the last of
-- them frees. Answers {1, wait ms, lease} when granted; {0, ms until asking again is worth it, ''} when fewer
-- free slots than needed exist (the others are held by requests in flight).
-- KEYS[1] zset of the free slots, score = the instant (ms) each frees
-- KEYS[2] zset of the held slots, score = the bound of its lease (ms)
-- KEYS[3] hash: held slot id -> "<lease id>|<its free instant before the lease>", and the counter '#slots' (ids of
--         slots)
-- KEYS[4] the instant (ms) before which the key is paused, if any
-- ARGV[1] slots (permits per window), ARGV[2] window ms, ARGV[3] slots to take at one instant,
-- ARGV[4] lease bound ms, ARGV[5] "now" in ms, or "" to read the Redis server's clock (TIME),
-- ARGV[6] extra ms an idle key is kept, ARGV[7] the lease's id (unique: a random number of the caller's, so that a
-- late release can never match a lease of a key that expired and was made anew)
if redis.replicate_commands then
  -- Redis < 5 replicates scripts verbatim, which forbids writes after TIME; later versions do this by default
  redis.replicate_commands()
end
local permits = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local count = tonumber(ARGV[3])
local leaseMillis = tonumber(ARGV[4])
local now
if ARGV[5] == '' then
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
else
  now = tonumber(ARGV[5])
end
if count < 1 or count > permits then
  return redis.error_reply('cannot reserve ' .. count .. ' grants under a limit of ' .. permits)
end

-- only slots that matter are kept: held ones, and free ones that free in the future. A slot free by now is like
-- one never used (a limit of 100,000 per window costs nothing until it is used); a lease past its bound (its
-- holder never came back: a replica that died mid-request) is free since its bound
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)
for i = 1, #expired do
  redis.call('HDEL', KEYS[3], expired[i])
end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)

-- a limit that shrank drops the free slots that free soonest (held ones are never dropped while held)
local freeCount = redis.call('ZCARD', KEYS[1])
local heldCount = redis.call('ZCARD', KEYS[2])
if freeCount + heldCount > permits then
  local drop = math.min(freeCount + heldCount - permits, freeCount)
  if drop > 0 then
    redis.call('ZREMRANGEBYRANK', KEYS[1], 0, drop - 1)
    freeCount = freeCount - drop
  end
end
local unused = math.max(0, permits - freeCount - heldCount)

local function keepUntil(latest)
  local ttl = math.max(latest - now, 0) + tonumber(ARGV[6])
  for i = 1, 3 do
    redis.call('PEXPIRE', KEYS[i], ttl)
  end
end
local function latestScore(key)
  local top = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
  if #top == 0 then
    return now
  end
  return tonumber(top[2])
end

if unused + freeCount < count then
  -- the others are in flight: each frees a window after it completes, so not before now + window
  local askAgain = now + window
  local earliest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  if #earliest > 0 and tonumber(earliest[2]) < askAgain then
    askAgain = tonumber(earliest[2])
  end
  keepUntil(math.max(latestScore(KEYS[1]), latestScore(KEYS[2])))
  return {0, askAgain - now, ''}
end

local grantAt = now
local paused = tonumber(redis.call('GET', KEYS[4]) or '0')
if paused > grantAt then
  grantAt = paused
end
-- slots never used first (free since ever), then the free ones that free soonest
local taken = {}
for i = 1, math.min(count, unused) do
  taken[#taken + 1] = {redis.call('HINCRBY', KEYS[3], '#slots', 1), '0'}
end
if #taken < count then
  local candidates = redis.call('ZRANGE', KEYS[1], 0, count - #taken - 1, 'WITHSCORES')
  for i = 1, #candidates, 2 do
    taken[#taken + 1] = {candidates[i], candidates[i + 1]}
    redis.call('ZREM', KEYS[1], candidates[i])
    local freeAt = tonumber(candidates[i + 1])
    if freeAt > grantAt then
      grantAt = freeAt
    end
  end
end
local lease = ARGV[7]
local bound = grantAt + leaseMillis + window
local ids = {}
for i = 1, #taken do
  local id = taken[i][1]
  redis.call('ZADD', KEYS[2], string.format('%d', bound), id)
  redis.call('HSET', KEYS[3], id, lease .. '|' .. taken[i][2])
  ids[#ids + 1] = id
end
-- every held slot (not only this lease's) must outlive its bound, and every free one its instant
keepUntil(math.max(latestScore(KEYS[1]), latestScore(KEYS[2])))
return {1, grantAt - now, lease .. ':' .. table.concat(ids, ',')}
