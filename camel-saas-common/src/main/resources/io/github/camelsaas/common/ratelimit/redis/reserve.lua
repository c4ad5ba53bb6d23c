-- Reserves ARGV[3] grants of one key at the earliest instant that keeps at most ARGV[1] grants in any span of
-- ARGV[2] ms, exactly as InMemoryRateLimitBackend's ring does, and returns that instant minus "now" (the wait).
-- KEYS[1]: list of the key's latest grant times (ms), oldest first, at most ARGV[1] long
-- KEYS[2]: the instant (ms) before which the key is paused, if any
-- ARGV[1] permits per window, ARGV[2] window ms, ARGV[3] grants to reserve at one instant,
-- ARGV[4] "now" in ms, or "" to read the Redis server's clock (TIME), ARGV[5] extra ms an idle key is kept
if redis.replicate_commands then
  -- Redis < 5 replicates scripts verbatim, which forbids writes after TIME; later versions do this by default
  redis.replicate_commands()
end
local permits = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local count = tonumber(ARGV[3])
local now
if ARGV[4] == '' then
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
else
  now = tonumber(ARGV[4])
end
if count < 1 or count > permits then
  return redis.error_reply('cannot reserve ' .. count .. ' grants under a limit of ' .. permits)
end

local slot = now
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
if paused > slot then
  slot = paused
end
local size = redis.call('LLEN', KEYS[1])
if size > permits then
  -- the limit shrank (adaptive limits do that): keep the newest grants that still fit
  redis.call('LTRIM', KEYS[1], size - permits, -1)
  size = permits
end
-- for count more grants to fit, this many of the oldest remembered ones must have left the window
local mustHaveLeft = size + count - permits
if mustHaveLeft > 0 then
  local leaving = tonumber(redis.call('LINDEX', KEYS[1], mustHaveLeft - 1))
  if leaving + window > slot then
    slot = leaving + window
  end
end
-- grants are handed out in order, so slots never go backwards even when a clock does
if size > 0 then
  local latest = tonumber(redis.call('LINDEX', KEYS[1], -1))
  if latest > slot then
    slot = latest
  end
end
local grants = {}
for i = 1, count do
  grants[i] = string.format('%d', slot)
end
redis.call('RPUSH', KEYS[1], unpack(grants))
redis.call('LTRIM', KEYS[1], -permits, -1)
-- the history matters until its latest grant has left the window; after that an idle key just expires
redis.call('PEXPIRE', KEYS[1], slot - now + window + tonumber(ARGV[5]))
return slot - now
