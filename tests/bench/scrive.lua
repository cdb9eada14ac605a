-- wrk script for the write side of tests/bench.sh: POSTs of intakes or
-- section edits, each with a different name, from a signed-in session.
-- Environment: BENCH_MODE (intake | sezione), BENCH_COOKIE, BENCH_CSRF,
-- BENCH_ORIGIN, BENCH_CASES (case ids for sezione, comma-separated),
-- BENCH_PONTE (a facility id), BENCH_OPERATORE (a case worker's id).
-- Prints, at the end, the count of answers by status.

local mode = os.getenv("BENCH_MODE") or "intake"
local cookie = os.getenv("BENCH_COOKIE")
local csrf = os.getenv("BENCH_CSRF")
local origin = os.getenv("BENCH_ORIGIN")
local struttura = os.getenv("BENCH_PONTE")
local operatore = os.getenv("BENCH_OPERATORE")
local cases = {}
for id in string.gmatch(os.getenv("BENCH_CASES") or "", "%d+") do
	cases[#cases + 1] = id
end

local letters = "bcdfghklmnprstvz"
local vowels = "aeiou"
local counter = 0
local threads = {}

function setup(thread)
	thread:set("id", #threads + 1)
	table.insert(threads, thread)
end

function init(args)
	math.randomseed(os.time() * 1000 + id)
	statuses = {}
end

-- A pronounceable random word: names that do not match each other.
local function word(n)
	local t = {}
	for i = 1, n do
		local pool = (i % 2 == 1) and letters or vowels
		local k = math.random(#pool)
		t[#t + 1] = pool:sub(k, k)
	end
	return (t[1]:upper()) .. table.concat(t, "", 2)
end

local function urlencode(s)
	return (s:gsub("[^%w%-_%.~]", function(c)
		return string.format("%%%02X", string.byte(c))
	end))
end

local function form(fields)
	local parts = {}
	for k, v in pairs(fields) do
		parts[#parts + 1] = k .. "=" .. urlencode(v)
	end
	return table.concat(parts, "&")
end

request = function()
	counter = counter + 1
	local headers = {
		["Cookie"] = cookie,
		["Origin"] = origin,
		["Content-Type"] = "application/x-www-form-urlencoded",
	}
	if mode == "intake" then
		local body = form({
			csrf = csrf, cognome = word(7), nome = word(6), sesso = "M",
			data_nascita = "12/03/2009", paese_nascita = "Mali",
			cittadinanza = "Mali", data_rintraccio = "02/10/2025",
			modalita_rintraccio = "sbarco", data_presa_in_carico = "03/10/2025",
			struttura_id = struttura, operatore_id = operatore,
			conferma_nuovo = "1",
		})
		return wrk.format("POST", "/minori/nuovo", headers, body)
	end
	local case = cases[math.random(#cases)]
	local body = form({
		csrf = csrf, cognome = word(7), nome = word(6), sesso = "M",
		data_nascita = "12/03/2009", cittadinanza = "Mali",
		lingue = "bambara " .. counter,
	})
	return wrk.format("POST", "/minori/" .. case .. "/anagrafica", headers, body)
end

response = function(status, headers, body)
	statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
	local all = {}
	for _, t in ipairs(threads) do
		local s = t:get("statuses")
		for k, v in pairs(s) do
			all[k] = (all[k] or 0) + v
		end
	end
	for k, v in pairs(all) do
		io.write(string.format("status %d %d\n", k, v))
	end
end
