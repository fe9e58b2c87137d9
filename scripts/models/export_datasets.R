# Export the public datasets used by the model fixtures to plain CSV files.
#
# Usage: Rscript scripts/models/export_datasets.R OUTDIR
# Needs the Debian packages r-cran-aer (HMDA, CPS1985), r-cran-caret (GermanCredit)
# and r-cran-modeldata (attrition). Factors are written as their labels, numbers in full
# precision, no row names, '.' as decimal mark, ',' as separator.
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript export_datasets.R OUTDIR")
out <- args[[1]]
dir.create(out, showWarnings = FALSE, recursive = TRUE)

write_one <- function(df, name) {
  path <- file.path(out, paste0(name, ".csv"))
  for (col in names(df)) {
    if (is.factor(df[[col]])) df[[col]] <- as.character(df[[col]])
  }
  write.csv(df, path, row.names = FALSE, na = "")
  cat(sprintf("%s: %d rows, %d columns -> %s\n", name, nrow(df), ncol(df), path))
}

data(HMDA, package = "AER")
write_one(HMDA, "hmda")
data(CPS1985, package = "AER")
write_one(CPS1985, "cps1985")
data(GermanCredit, package = "caret")
write_one(GermanCredit, "german_credit")
data(attrition, package = "modeldata")
write_one(attrition, "attrition")
