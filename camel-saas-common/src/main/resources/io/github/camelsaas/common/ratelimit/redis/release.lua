-- Releases the slots of one lease (see reserve.lua for the keys): sent, they free a window from now (the server's
-- clock when this runs, which is after the request completed: later, never earlier); not sent, they free when they
-- did before the lease. A slot whose lease ended already (its bound passed, or released twice) is left alone.
-- ARGV[1] the lease "<lease id>:<slot id>,<slot id>...", ARGV[2] '1' sent or '0' not sent, ARGV[3] slots (permits),
-- ARGV[4] window ms, ARGV[5] "now" in ms, or "" for the Redis server's clock (TIME), ARGV[6] extra ms an idle key
-- is kept
if redis.replicate_commands then
  redis.replicate_commands()
end
local now
if ARGV[5] == '' then
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
else
  now = tonumber(ARGV[5])
end
local permits = tonumber(ARGV[3])
local window = tonumber(ARGV[4])
local sequence, ids = string.match(ARGV[1], '^([^:]+):(.*)$')
if sequence == nil then
  return redis.error_reply('not a lease: ' .. ARGV[1])
end
for id in string.gmatch(ids, '[^,]+') do
  local held = redis.call('HGET', KEYS[3], id)
  if held then
    local heldBy, before = string.match(held, '^([^|]+)|(.*)$')
    if heldBy == sequence then
      redis.call('ZREM', KEYS[2], id)
      redis.call('HDEL', KEYS[3], id)
      local freeAt = tonumber(before)
      if ARGV[2] == '1' then
        freeAt = now + window
      end
      redis.call('ZADD', KEYS[1], string.format('%d', freeAt), id)
    end
  end
end
local total = redis.call('ZCARD', KEYS[1]) + redis.call('ZCARD', KEYS[2])
if total > permits then
  local drop = math.min(total - permits, redis.call('ZCARD', KEYS[1]))
  if drop > 0 then
    redis.call('ZREMRANGEBYRANK', KEYS[1], 0, drop - 1)
  end
end
local latest = now
for i = 1, 2 do
  local top = redis.call('ZRANGE', KEYS[i], -1, -1, 'WITHSCORES')
  if #top > 0 and tonumber(top[2]) > latest then
    latest = tonumber(top[2])
  end
end
local ttl = latest - now + tonumber(ARGV[6])
for i = 1, 3 do
  redis.call('PEXPIRE', KEYS[i], ttl)
end
return 0
