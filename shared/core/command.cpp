// command.cpp - commands built by type.
#include "command.h"

#include <array>

namespace hallq {

namespace {
template <size_t... I>
constexpr auto empty_bodies(std::index_sequence<I...>) {
    return std::array<Command, sizeof...(I)>{Command(std::in_place_index<I>)...};
}
}  // namespace

Command empty_command(CommandType t) {
    static const auto kEmpty =
        empty_bodies(std::make_index_sequence<std::variant_size_v<Command>>());
    return kEmpty.at(size_t(t));
}

}  // namespace hallq
