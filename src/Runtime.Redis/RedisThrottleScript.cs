namespace DjangoSettings.Redis;

/// <summary>
/// The Lua script that runs DRF's throttle check for one request's keys inside Redis, so the port
/// needs one round trip and reads and writes exactly what Django's cache does: the value of each key
/// is the pickled Python list of float timestamps (newest first).
/// </summary>
internal static class RedisThrottleScript
{
    // KEYS: the cache keys (KEY_PREFIX:VERSION:throttle_<scope>_<ident>).
    // ARGV[1]: now, an 8-byte big-endian IEEE double (no decimal round trip); ARGV[2]: pickle protocol
    // to write (2-5); then per key: num_requests, duration (seconds).
    // Reply per key: 1 allowed; 0 refused without a wait; an 8-byte big-endian double: refused, wait().
    //
    // Reading accepts what CPython writes for a list of floats in protocols 2-5: PROTO, FRAME,
    // EMPTY_LIST, MEMOIZE/BINPUT/LONG_BINPUT, MARK, BINFLOAT, APPEND(S), STOP. Anything else (not a
    // throttle history) reads as an empty history, as a miss would.
    // Writing is byte-identical to pickle.dumps(history, protocol): one-item lists use APPEND, longer
    // ones MARK ... APPENDS batches of 1000; protocols 4 and 5 frame the payload, committing a frame
    // before an object is saved once it holds 64 KiB, and a frame of fewer than 4 bytes has no header.
    public const string Source = @"
local function decode(s)
  local out = {}
  local i, n = 1, #s
  local started = false
  while i <= n do
    local op = string.byte(s, i)
    i = i + 1
    if op == 0x80 then i = i + 1
    elseif op == 0x95 then i = i + 8
    elseif op == 0x5D then
      if started then return nil end
      started = true
    elseif op == 0x94 then
    elseif op == 0x71 then i = i + 1
    elseif op == 0x72 then i = i + 4
    elseif op == 0x28 or op == 0x61 or op == 0x65 then
      if not started then return nil end
    elseif op == 0x47 then
      if not started or i + 7 > n then return nil end
      out[#out + 1] = struct.unpack('>d', string.sub(s, i, i + 7))
      i = i + 8
    elseif op == 0x2E then
      if started then return out end
      return nil
    else
      return nil
    end
  end
  return nil
end

local function le8(x)
  local b = {}
  for k = 1, 8 do
    b[k] = string.char(x % 256)
    x = math.floor(x / 256)
  end
  return table.concat(b)
end

local function encode(h, proto)
  local framing = proto >= 4
  local frames = {}
  local cur = {}
  local curlen = 0
  local function w(piece)
    cur[#cur + 1] = piece
    curlen = curlen + #piece
  end
  local function commit()
    if curlen == 0 then return end
    local body = table.concat(cur)
    if framing and curlen >= 4 then frames[#frames + 1] = string.char(0x95) .. le8(curlen) end
    frames[#frames + 1] = body
    cur = {}
    curlen = 0
  end
  local function boundary()
    if framing and curlen >= 65536 then commit() end
  end
  boundary()
  if framing then w(']' .. string.char(0x94)) else w(']q' .. string.char(0)) end
  local n = #h
  if n == 1 then
    boundary()
    w('G' .. struct.pack('>d', h[1]))
    w('a')
  elseif n > 1 then
    local k = 1
    while k <= n do
      w('(')
      local batch = 0
      while k <= n and batch < 1000 do
        boundary()
        w('G' .. struct.pack('>d', h[k]))
        k = k + 1
        batch = batch + 1
      end
      w('e')
    end
  end
  w('.')
  commit()
  return string.char(0x80, proto) .. table.concat(frames)
end

local now = struct.unpack('>d', ARGV[1])
local proto = tonumber(ARGV[2])
local replies = {}
for k = 1, #KEYS do
  local limit = tonumber(ARGV[1 + 2 * k])
  local duration = tonumber(ARGV[2 + 2 * k])
  local raw = redis.call('GET', KEYS[k])
  local h = {}
  if raw then h = decode(raw) or {} end
  while #h > 0 and h[#h] <= now - duration do h[#h] = nil end
  if #h >= limit then
    local remaining = duration
    if #h > 0 then remaining = duration - (now - h[#h]) end
    local available = limit - #h + 1
    if available <= 0 then replies[k] = 0 else replies[k] = struct.pack('>d', remaining / available) end
  else
    table.insert(h, 1, now)
    redis.call('SET', KEYS[k], encode(h, proto), 'PX', duration * 1000)
    replies[k] = 1
  end
end
return replies
";
}
