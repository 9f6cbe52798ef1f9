-- wrk script for the soak: a mix of what people do — the feed page (60 %), a search (20 %), a vote or its
-- withdrawal by a member (20 %). Reads TOKENS_FILE, PAPERS_FILE and WORDS (space-separated search words).
local tokens, papers, words = {}, {}, {}
for line in io.lines(os.getenv("TOKENS_FILE")) do tokens[#tokens + 1] = line end
for line in io.lines(os.getenv("PAPERS_FILE")) do papers[#papers + 1] = line end
for word in string.gmatch(os.getenv("WORDS") or "model", "%S+") do words[#words + 1] = word end
local counter = 0

function setup(thread)
    counter = counter + 1
    thread:set("seed", counter)
end

function init(args)
    math.randomseed(seed * 104729)
end

function request()
    local pick = math.random()
    if pick < 0.6 then return wrk.format("GET", "/") end
    if pick < 0.8 then
        return wrk.format("GET", "/papers/search?q=" .. words[math.random(#words)] .. "+" .. words[math.random(#words)])
    end
    local method = math.random() < 0.6 and "POST" or "DELETE"
    local headers = { ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)] }
    return wrk.format(method, "/api/papers/" .. papers[math.random(#papers)] .. "/upvote", headers)
end
