-- wrk script: each request is one member (API token) voting on one paper, up or down at random.
-- Reads TOKENS_FILE (one token per line) and PAPERS_FILE (one paper id per line). With PAUSE_MS set, each
-- connection waits a random 0 to 2×PAUSE_MS ms before each request, which offers a fixed rate instead of
-- saturating the server: 50 connections with PAUSE_MS=24 offer about 2,000 votes/s.
local tokens, papers = {}, {}
for line in io.lines(os.getenv("TOKENS_FILE")) do tokens[#tokens + 1] = line end
for line in io.lines(os.getenv("PAPERS_FILE")) do papers[#papers + 1] = line end
local counter = 0
local pause = tonumber(os.getenv("PAUSE_MS") or "0")

function setup(thread)
    counter = counter + 1
    thread:set("seed", counter)
end

function init(args)
    math.randomseed(seed * 7919)
end

function request()
    local token = tokens[math.random(#tokens)]
    local paper = papers[math.random(#papers)]
    local method = math.random() < 0.6 and "POST" or "DELETE"
    return wrk.format(method, "/api/papers/" .. paper .. "/upvote", { ["Authorization"] = "Bearer " .. token })
end

function delay()
    if pause <= 0 then return 0 end
    return math.random(0, 2 * pause)
end
