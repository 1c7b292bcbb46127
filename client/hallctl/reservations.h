// reservations.h - hallctl's reservation verbs: `reservations import FILE`, `reservations [list]`
// and `check-in`. Each returns hallctl's exit code (0 ok, 1 other error, 3 refused, 4 unreachable).
#pragma once
#include <string>

#include "args.h"
#include "net/request_client.h"

namespace hallq::ctl {

// reservations import FILE | reservations [list] [--date YYYY-MM-DD] [--json]
int run_reservations(RequestClient& client, const Args& a);
// check-in --id-number N [--name NAME] | --code C [--json]
int run_check_in(RequestClient& client, const Args& a);

// The request id of one import batch: the same batch of the same file always gets the same id,
// so re-running an import after a failure repeats nothing.
std::string import_batch_rid(const Json& body, size_t batch);
// A refusal's detail with the batch's entry index ("reservations[3].id_number") turned into the
// file's ("reservations[103].id_number").
std::string file_detail(const std::string& detail, size_t offset);

}  // namespace hallq::ctl
