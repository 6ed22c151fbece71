# files: en
# Why a project file could not be read or written (src/io, worded by
# src/report/problems.rs).

files-io = { $path }: { $message }
files-too-large = the file is { $bytes } bytes; project files are at most { $max }
files-parse = line { $line }, column { $column }: { $message }
files-too-many-scenarios = the file has { $count ->
   *[other] { $shown } scenarios
}; a project has at most { $max }
files-too-many-facilities = the file has { $count ->
   *[other] { $shown } facilities
}; a project has at most { $max }
files-too-many-products = the file has { $count ->
   *[other] { $shown } products
}; a project has at most { $max }
files-too-many-support = the file has { $count ->
   *[other] { $shown } support instruments
}; a project has at most { $max }
files-too-new = this file is format version { $found }, written by a newer Assay; this build reads versions up to { $supported }. Update Assay to open it.
files-bad-version = format version { $version } does not exist (versions start at 1)
files-invalid = { $count ->
   *[other] { $shown } problem(s):
}
files-serialize = could not write the project: { $message }

## What is wrong in the text

files-nesting = brackets nested too deeply (more than { $max } levels); a project needs a few
files-not-utf8 = this is not UTF-8 text; save the file as UTF-8
files-decimal-comma = decimal comma in a number: write { $before }.{ $after }, not { $before },{ $after }
files-nan = NaN is not a number; write a number such as 12.5
files-number-too-large = a number too large: amounts are at most 10^15 and have at most 28 digits
files-number-out-of-range = { $value } is too large or too small for a decimal number (at most 28 digits)
files-integer-too-large = { $value } is too large
files-not-decimal = "{ $text }" is not a decimal number
files-not-a-number = Expected a number (e.g. 12.5) or a decimal string (e.g. "12.5") but found { $found } instead
files-in-struct = {" "}in `{ $outer }`
files-expected-none = there are none here
files-unknown-field = unexpected field named `{ $field }`{ $within }; expected one of: { $expected }
files-missing-field = missing field named `{ $field }`{ $within }
files-duplicate-field = field named `{ $field }` is given twice{ $within }
files-unknown-variant = unexpected variant named `{ $variant }`{ $within }; expected one of: { $expected }
files-eof = the file ends too early: a closing bracket or a value is missing
files-expected-comma = expected a comma
files-unexpected-char = unexpected character { $char }
files-trailing = text after the end of the project
files-syntax = { $message }
