// An order as POST /orders receives it, and the order.created event sent for it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace chaoslab::orders {

// The columns customer and item are VARCHAR(255) in utf8mb4.
inline constexpr std::size_t MaxTextBytes = 255;

struct Order
{
    std::string customer;
    std::string item;
    std::int64_t qty = 0;
};

struct OrderParse
{
    std::optional<Order> value;
    // Names the field and what is wrong with it, for a 400 response.
    std::string error;
};

// Parses {"customer": string, "item": string, "qty": integer >= 1}. Other fields are ignored.
OrderParse parseOrder(const std::string& body);

// The order.created event as compact JSON: {"id", "customer", "item", "qty", "created_at"}.
std::string orderCreatedEvent(std::int64_t id, const Order& order, const std::string& createdAt);

// The current UTC time as "2025-08-27T10:12:04.138Z".
std::string utcTimestamp();

} // namespace chaoslab::orders
