// devices.h - hallctl's device verbs: `device enroll NAME --role ROLE [--window N] (--out FILE |
// --key PUBLIC)`, `device revoke NAME`, `device list`. Each returns hallctl's exit code.
#pragma once
#include "args.h"
#include "net/request_client.h"

namespace hallq::ctl {

int run_devices(RequestClient& client, const Args& a);
// audit verify [--json]: 0 when the chain is whole, 1 when an event was tampered with.
int run_audit(RequestClient& client, const Args& a);

}  // namespace hallq::ctl
