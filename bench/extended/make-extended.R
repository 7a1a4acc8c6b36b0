# Builds bench/extended: more real public series (R's `datasets` and `forecast` packages) in
# analysts' file formats, with the same manifest and R forecast-package reference scores as
# bench/datasets, so the forecaster is tuned on ~40 holdouts instead of 6.
#
#   apt-get install -y --no-install-recommends r-cran-forecast    # forecast 8.20 on R 4.2.2
#   Rscript bench/extended/make-extended.R                          # from the project root
#
# Each series gives its standard holdout (the last h points, M4 horizons) and, when long enough,
# an earlier one (the series cut h points sooner, file suffix `_prev`). Conventions follow
# bench/datasets/README.md: MASE scaled by the in-sample seasonal-naive error with the M4 season
# length, sMAPE (M4), coverage of the 80/95% intervals.
suppressPackageStartupMessages(library(forecast))
set.seed(42)
out <- file.path("bench", "extended")
dir.create(file.path(out, "reference"), recursive = TRUE, showWarnings = FALSE)

month_dates <- function(x) {
  t <- time(x)
  year <- floor(t + 1e-9)
  month <- round((t - year) * frequency(x)) * (12 / frequency(x)) + 1
  as.Date(sprintf("%04d-%02d-01", year, month))
}

business_days <- function(start, n) {
  d <- seq(as.Date(start), by = "day", length.out = n * 2)
  d <- d[!(format(d, "%u") %in% c("6", "7"))]
  d[seq_len(n)]
}

fmt_num <- function(v, decimal) {
  s <- format(v, digits = 10, trim = TRUE, scientific = FALSE)
  if (decimal == ",") s <- gsub(".", ",", s, fixed = TRUE)
  s
}

specs <- list(
  list(name = "air_passengers", y = AirPassengers, freq = "monthly", m = 12, h = 18,
       time = "Month", value = "Passengers", fmt = "%Y-%m", delim = ",", dec = ".", quote = FALSE,
       units = "international airline passengers, thousands per month", src = "datasets::AirPassengers (Box & Jenkins)"),
  list(name = "co2_mauna_loa", y = co2, freq = "monthly", m = 12, h = 18,
       time = "Datum", value = "CO2_ppm", fmt = "%d.%m.%Y", delim = ";", dec = ",", quote = FALSE,
       units = "atmospheric CO2, ppm", src = "datasets::co2 (Keeling, Mauna Loa)"),
  list(name = "uk_lung_deaths", y = ldeaths, freq = "monthly", m = 12, h = 18,
       time = "month", value = "deaths", fmt = "%b %Y", delim = ",", dec = ".", quote = FALSE,
       units = "deaths from lung diseases per month, UK", src = "datasets::ldeaths"),
  list(name = "nottingham_temp", y = nottem, freq = "monthly", m = 12, h = 18,
       time = "date", value = "temp_F", fmt = "%Y-%m-%d", delim = "\t", dec = ".", quote = FALSE,
       units = "mean air temperature at Nottingham, deg F", src = "datasets::nottem"),
  list(name = "uk_driver_deaths", y = UKDriverDeaths, freq = "monthly", m = 12, h = 18,
       time = "Date", value = "Drivers", fmt = "%m/%d/%Y", delim = ",", dec = ".", quote = FALSE, bom = TRUE, crlf = TRUE,
       units = "car drivers killed or seriously injured per month, GB", src = "datasets::UKDriverDeaths"),
  list(name = "us_accidental_deaths", y = USAccDeaths, freq = "monthly", m = 12, h = 18,
       time = "date", value = "deaths", fmt = "%Y-%m-%d", delim = ",", dec = ".", quote = TRUE,
       units = "accidental deaths per month, USA", src = "datasets::USAccDeaths"),
  list(name = "australian_gas", y = gas, freq = "monthly", m = 12, h = 18,
       time = "month", value = "production", fmt = "%Y-%m", delim = ";", dec = ".", quote = FALSE,
       units = "gas production per month, Australia", src = "forecast::gas"),
  list(name = "johnson_johnson", y = JohnsonJohnson, freq = "quarterly", m = 4, h = 8,
       time = "quarter", value = "eps_usd", fmt = "%Y Q%q", delim = ";", dec = ",", quote = FALSE,
       units = "quarterly earnings per share, USD", src = "datasets::JohnsonJohnson"),
  list(name = "uk_gas", y = UKgas, freq = "quarterly", m = 4, h = 8,
       time = "period", value = "therms_millions", fmt = "%Y-Q%q", delim = ",", dec = ".", quote = FALSE,
       units = "UK gas consumption, millions of therms per quarter", src = "datasets::UKgas"),
  list(name = "australian_residents", y = austres, freq = "quarterly", m = 4, h = 8,
       time = "date", value = "residents_thousands", fmt = "%Y-%m-%d", delim = ",", dec = ".", quote = FALSE,
       units = "Australian residents, thousands", src = "datasets::austres"),
  list(name = "nile_flow", y = Nile, freq = "yearly", m = 1, h = 6,
       time = "year", value = "flow", fmt = "%Y", delim = ",", dec = ".", quote = FALSE,
       units = "annual flow of the Nile at Aswan, 1e8 m^3", src = "datasets::Nile"),
  list(name = "lynx_trappings", y = lynx, freq = "yearly", m = 1, h = 6,
       time = "Year", value = "Trappings", fmt = "%Y", delim = ";", dec = ".", quote = FALSE,
       units = "lynx trapped per year, Mackenzie River", src = "datasets::lynx"),
  list(name = "lake_huron", y = LakeHuron, freq = "yearly", m = 1, h = 6,
       time = "year", value = "level_ft", fmt = "%Y", delim = ",", dec = ".", quote = FALSE,
       units = "level of Lake Huron, feet", src = "datasets::LakeHuron"),
  list(name = "new_haven_temp", y = nhtemp, freq = "yearly", m = 1, h = 6,
       time = "year", value = "temp_F", fmt = "%Y", delim = ";", dec = ",", quote = FALSE,
       units = "mean annual temperature in New Haven, deg F", src = "datasets::nhtemp"),
  list(name = "sunspots_yearly", y = sunspot.year, freq = "yearly", m = 1, h = 6,
       time = "year", value = "sunspots", fmt = "%Y", delim = ",", dec = ".", quote = FALSE,
       units = "yearly sunspot numbers", src = "datasets::sunspot.year"),
  list(name = "dax_close", y = ts(as.numeric(EuStockMarkets[, "DAX"])), freq = "daily", m = 1, h = 14,
       time = "Date", value = "DAX", fmt = "%Y-%m-%d", delim = ",", dec = ".", quote = FALSE, bizdays = "1991-07-01",
       units = "DAX closing index (business days; dates reconstructed)", src = "datasets::EuStockMarkets (DAX)"),
  list(name = "ftse_close", y = ts(as.numeric(EuStockMarkets[, "FTSE"])), freq = "daily", m = 1, h = 14,
       time = "Datum", value = "FTSE", fmt = "%d/%m/%Y", delim = ";", dec = ",", quote = FALSE, bizdays = "1991-07-01",
       units = "FTSE 100 closing index (business days; dates reconstructed)", src = "datasets::EuStockMarkets (FTSE)"),
  list(name = "taylor_demand", y = ts(tail(as.numeric(taylor), 48 * 7 * 6)), freq = "half-hourly", m = 48, h = 48,
       time = "timestamp", value = "MW", fmt = "%Y-%m-%d %H:%M", delim = ",", dec = ".", quote = FALSE,
       start = as.POSIXct("2000-07-17 00:00", tz = "UTC"), step = 1800,
       units = "half-hourly electricity demand, England and Wales, MW", src = "forecast::taylor (last 6 weeks)")
)

timestamps <- function(spec, n) {
  if (!is.null(spec$bizdays)) return(business_days(spec$bizdays, n))
  if (!is.null(spec$step)) return(spec$start + spec$step * (seq_len(n) - 1))
  d <- month_dates(spec$y)
  if (spec$name == "australian_residents") {
    # Quarter ends, as many statistics offices date quarterly data.
    d <- seq(d[1], by = "3 months", length.out = n + 1)[-1] - 1
  }
  d
}

format_time <- function(d, fmt) {
  if (fmt == "%Y Q%q" || fmt == "%Y-Q%q") {
    q <- (as.integer(format(d, "%m")) - 1) %/% 3 + 1
    return(paste0(format(d, "%Y"), if (fmt == "%Y Q%q") " Q" else "-Q", q))
  }
  if (fmt == "%b %Y") return(paste(month.abb[as.integer(format(d, "%m"))], format(d, "%Y")))
  format(d, fmt, tz = "UTC")
}

iso <- function(d) if (inherits(d, "POSIXct")) format(d, "%Y-%m-%dT%H:%M:%S", tz = "UTC") else format(d, "%Y-%m-%d")

write_series <- function(spec, values, times, file) {
  labels <- format_time(times, spec$fmt)
  nums <- fmt_num(values, spec$dec)
  q <- if (isTRUE(spec$quote)) function(s) paste0('"', s, '"') else identity
  lines <- c(paste(q(spec$time), q(spec$value), sep = spec$delim), paste(q(labels), q(nums), sep = spec$delim))
  eol <- if (isTRUE(spec$crlf)) "\r\n" else "\n"
  con <- file(file.path(out, file), "wb")
  if (isTRUE(spec$bom)) writeBin(as.raw(c(0xef, 0xbb, 0xbf)), con)
  writeBin(charToRaw(paste0(paste(lines, collapse = eol), eol)), con)
  close(con)
}

score <- function(fc, actual, scale) {
  f <- as.numeric(fc$mean)
  l80 <- as.numeric(fc$lower[, 1]); u80 <- as.numeric(fc$upper[, 1])
  l95 <- as.numeric(fc$lower[, 2]); u95 <- as.numeric(fc$upper[, 2])
  c(MASE = mean(abs(actual - f)) / scale,
    sMAPE = mean(200 * abs(actual - f) / (abs(actual) + abs(f))),
    coverage80 = mean(actual >= l80 & actual <= u80),
    coverage95 = mean(actual >= l95 & actual <= u95))
}

manifest <- list()
scores <- data.frame()
for (spec in specs) {
  all <- as.numeric(spec$y)
  times_all <- timestamps(spec, length(all))
  cuts <- list(list(suffix = "", n = length(all)))
  if (length(all) - 2 * spec$h >= max(3 * spec$m, 40)) cuts[[2]] <- list(suffix = "_prev", n = length(all) - spec$h)
  for (cut in cuts) {
    name <- paste0(spec$name, cut$suffix)
    values <- all[seq_len(cut$n)]
    times <- times_all[seq_len(cut$n)]
    n_train <- cut$n - spec$h
    train <- values[seq_len(n_train)]
    actual <- values[(n_train + 1):cut$n]
    file <- paste0(name, ".csv")
    write_series(spec, values, times, file)
    scale <- mean(abs(diff(train, lag = spec$m)))
    y <- ts(train, frequency = spec$m)
    fits <- list(
      naive = function() naive(y, h = spec$h, level = c(80, 95)),
      snaive = function() snaive(y, h = spec$h, level = c(80, 95)),
      ets = function() forecast(ets(y), h = spec$h, level = c(80, 95)),
      # auto.arima with a 48-step season ran for over 40 minutes here without finishing: skipped.
      arima = if (spec$m <= 24) function() forecast(auto.arima(y), h = spec$h, level = c(80, 95)) else NULL,
      theta = function() thetaf(y, h = spec$h, level = c(80, 95))
    )
    if (spec$m > 1 && spec$freq %in% c("daily", "hourly", "half-hourly", "weekly")) {
      fits$stlf <- function() stlf(y, h = spec$h, level = c(80, 95))
    }
    ref_rows <- data.frame(timestamp = iso(times[(n_train + 1):cut$n]), method = "actual", forecast = actual,
                           lower80 = NA, upper80 = NA, lower95 = NA, upper95 = NA)
    fits <- Filter(Negate(is.null), fits)
    for (method in names(fits)) {
      started <- proc.time()[["elapsed"]]
      fc <- tryCatch(fits[[method]](), error = function(e) NULL)
      if (is.null(fc)) next
      secs <- proc.time()[["elapsed"]] - started
      s <- score(fc, actual, scale)
      model <- if (!is.null(fc$method)) gsub(",", ";", fc$method) else method
      scores <- rbind(scores, data.frame(series = name, frequency = spec$freq, horizon = spec$h, season_length = spec$m,
                                         method = method, MASE = s[["MASE"]], sMAPE = s[["sMAPE"]],
                                         coverage80 = s[["coverage80"]], coverage95 = s[["coverage95"]],
                                         mase_scale = scale, fit_seconds = round(secs, 2), model = model))
      ref_rows <- rbind(ref_rows, data.frame(timestamp = iso(times[(n_train + 1):cut$n]), method = method,
                                             forecast = as.numeric(fc$mean), lower80 = as.numeric(fc$lower[, 1]),
                                             upper80 = as.numeric(fc$upper[, 1]), lower95 = as.numeric(fc$lower[, 2]),
                                             upper95 = as.numeric(fc$upper[, 2])))
      cat(sprintf("%-28s %-7s MASE %.3f  (%.1fs)\n", name, method, s[["MASE"]], secs))
    }
    write.csv(ref_rows, file.path(out, "reference", file), row.names = FALSE, quote = FALSE, na = "")
    manifest[[length(manifest) + 1]] <- list(
      name = name, file = file, frequency = spec$freq, season_length = spec$m,
      seasonal_periods = if (spec$m > 1) list(spec$m) else list(), horizon = spec$h,
      n_points = cut$n, n_train = n_train,
      first_timestamp = iso(times[1]), last_train_timestamp = iso(times[n_train]),
      holdout_start = iso(times[n_train + 1]), last_timestamp = iso(times[cut$n]),
      time_column = spec$time, value_column = spec$value, date_format = spec$fmt,
      delimiter = spec$delim, decimal = spec$dec, quoting = if (isTRUE(spec$quote)) "all" else "none",
      encoding = if (isTRUE(spec$bom)) "utf-8-bom" else "utf-8", line_ending = if (isTRUE(spec$crlf)) "crlf" else "lf",
      units = spec$units, source = list(dataset = spec$src, package = "R datasets / forecast 8.20")
    )
  }
}
write.csv(scores, file.path(out, "reference-scores.csv"), row.names = FALSE, quote = FALSE)
json_value <- function(v) {
  if (is.list(v) && !is.null(names(v))) {
    return(paste0("{", paste(sprintf("\"%s\": %s", names(v), vapply(v, json_value, "")), collapse = ", "), "}"))
  }
  if (is.list(v)) return(paste0("[", paste(vapply(v, json_value, ""), collapse = ", "), "]"))
  if (is.character(v)) return(paste0("\"", gsub("\t", "\\\\t", gsub("\"", "\\\\\"", v)), "\""))
  as.character(v)
}
writeLines(paste0("{\n  \"set\": \"extended\",\n  \"description\": \"Real public series from R's datasets and forecast packages, for tuning beyond the six public series; R forecast 8.20 reference scores in reference-scores.csv.\",\n  \"series\": [\n    ",
                  paste(vapply(manifest, json_value, ""), collapse = ",\n    "), "\n  ]\n}"),
           file.path(out, "manifest.json"))
