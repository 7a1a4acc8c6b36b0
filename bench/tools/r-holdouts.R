# R forecast-package scores on several holdouts per series, for `npm run bench:accuracy -- --holdouts K`
# to compare with (the shipped reference-scores.csv covers the standard holdout only).
# Called by scripts/bench-r-holdouts.ts, which cuts the series exactly as bench:accuracy does:
#
#   Rscript bench/tools/r-holdouts.R VALUES.csv OUT.csv
#
# VALUES.csv: series,holdout,season_length,horizon,part,value (part = train | actual, in time order).
# OUT.csv:    series,holdout,method,MASE,sMAPE,coverage80,coverage95,fit_seconds,model
# MASE is scaled by the in-sample seasonal-naive error of that holdout's training part (M4).
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
input <- read.csv(args[[1]], stringsAsFactors = FALSE)
out <- args[[2]]
set.seed(42)

score <- function(fc, actual, scale) {
  f <- as.numeric(fc$mean)
  c(MASE = mean(abs(actual - f)) / scale,
    sMAPE = mean(200 * abs(actual - f) / (abs(actual) + abs(f))),
    coverage80 = mean(actual >= as.numeric(fc$lower[, 1]) & actual <= as.numeric(fc$upper[, 1])),
    coverage95 = mean(actual >= as.numeric(fc$lower[, 2]) & actual <= as.numeric(fc$upper[, 2])))
}

rows <- data.frame()
for (key in unique(paste(input$series, input$holdout, sep = "\t"))) {
  parts <- strsplit(key, "\t")[[1]]
  d <- input[input$series == parts[1] & input$holdout == as.integer(parts[2]), ]
  m <- d$season_length[1]
  h <- d$horizon[1]
  train <- d$value[d$part == "train"]
  actual <- d$value[d$part == "actual"]
  scale <- mean(abs(diff(train, lag = m)))
  y <- ts(train, frequency = m)
  fits <- list(
    ets = function() forecast(ets(y), h = h, level = c(80, 95)),
    # auto.arima with a 48-step season ran for over 40 minutes without finishing (make-extended.R).
    arima = if (m <= 24) function() forecast(auto.arima(y), h = h, level = c(80, 95)) else NULL,
    theta = function() thetaf(y, h = h, level = c(80, 95))
  )
  fits <- Filter(Negate(is.null), fits)
  for (method in names(fits)) {
    started <- proc.time()[["elapsed"]]
    fc <- tryCatch(fits[[method]](), error = function(e) NULL)
    if (is.null(fc)) next
    secs <- proc.time()[["elapsed"]] - started
    s <- score(fc, actual, scale)
    rows <- rbind(rows, data.frame(series = parts[1], holdout = as.integer(parts[2]), method = method,
                                   MASE = s[["MASE"]], sMAPE = s[["sMAPE"]], coverage80 = s[["coverage80"]],
                                   coverage95 = s[["coverage95"]], fit_seconds = round(secs, 2),
                                   model = gsub(",", ";", if (!is.null(fc$method)) fc$method else method)))
    cat(sprintf("%-26s holdout %d %-6s MASE %.3f (%.1fs)\n", parts[1], as.integer(parts[2]), method, s[["MASE"]], secs))
    # Written after every fit, so a long run can be read (or resumed from) while it goes on.
    write.csv(rows, out, row.names = FALSE, quote = FALSE)
  }
}
