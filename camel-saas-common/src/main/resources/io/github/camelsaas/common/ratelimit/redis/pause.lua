-- Pauses one key: no grant before now + ARGV[1] ms. A shorter pause never cuts a longer one.
-- KEYS[1]: the pause instant (ms) of the key
-- ARGV[1] pause length in ms from now, ARGV[2] "now" in ms, or "" for the Redis server's clock (TIME),
-- ARGV[3] ms the pause key is kept after its end (the window, so the grants scheduled behind it stay explained)
if redis.replicate_commands then
  redis.replicate_commands()
end
local now
if ARGV[2] == '' then
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
else
  now = tonumber(ARGV[2])
end
local untilMillis = now + tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if untilMillis > current then
  redis.call('SET', KEYS[1], string.format('%d', untilMillis), 'PX', untilMillis - now + tonumber(ARGV[3]))
end
return 0
