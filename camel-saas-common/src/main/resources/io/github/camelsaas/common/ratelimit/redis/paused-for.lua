-- How long (ms) one key stays paused from now on; 0 when it is not paused.
-- KEYS[1]: the pause instant (ms) of the key
-- ARGV[1] "now" in ms, or "" for the Redis server's clock (TIME)
local now
if ARGV[1] == '' then
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
else
  now = tonumber(ARGV[1])
end
local paused = tonumber(redis.call('GET', KEYS[1]) or '0')
if paused > now then
  return paused - now
end
return 0
