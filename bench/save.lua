-- wrk script for bench/load.sh: a contributor saving drafts of one round item through the API, one save after
-- another with a short pause, each with the version the last save answered (a stale version would be a conflict).
local token = os.getenv("TOKEN")
local path = os.getenv("ITEM_PATH")
local version = tonumber(os.getenv("ITEM_VERSION"))
local n = 0

request = function()
  n = n + 1
  local body = string.format('{"commentary":"Draft %d of the commentary, saved under load.","version":%d,"submit":false}', n, version)
  return wrk.format("PUT", path, { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end

response = function(status, headers, body)
  local v = string.match(body, '"version":(%d+)')
  if v then version = tonumber(v) end
end

-- About 40 saves a second from each contributor at most: far more than people type.
delay = function()
  return 25
end
