// Real code from libasio-dev (standalone Asio): a TCP echo server and client
// with completion handlers, a C++20 coroutine session, timers and strands.
// Asio 1.22 enables co_await for Clang only with <experimental/coroutine>,
// which libstdc++ does not have; Clang 22 has C++20 coroutines.
#define ASIO_HAS_CO_AWAIT 1
#define ASIO_HAS_STD_COROUTINE 1
#include <asio.hpp>
#include <asio/experimental/awaitable_operators.hpp>

#include <array>
#include <chrono>
#include <iostream>
#include <memory>
#include <string>

using asio::ip::tcp;

class Session : public std::enable_shared_from_this<Session> {
public:
  explicit Session(tcp::socket socket) : socket_(std::move(socket)) {}
  void start() { read(); }

private:
  void read() {
    auto self = shared_from_this();
    socket_.async_read_some(asio::buffer(data_), [this, self](std::error_code ec, std::size_t n) {
      if (!ec)
        write(n);
    });
  }
  void write(std::size_t n) {
    auto self = shared_from_this();
    asio::async_write(socket_, asio::buffer(data_, n), [this, self](std::error_code ec, std::size_t) {
      if (!ec)
        read();
    });
  }
  tcp::socket socket_;
  std::array<char, 1024> data_;
};

class Server {
public:
  Server(asio::io_context &io, unsigned short port) : acceptor_(io, tcp::endpoint(tcp::v4(), port)) { accept(); }

private:
  void accept() {
    acceptor_.async_accept([this](std::error_code ec, tcp::socket socket) {
      if (!ec)
        std::make_shared<Session>(std::move(socket))->start();
      accept();
    });
  }
  tcp::acceptor acceptor_;
};

asio::awaitable<void> echo(tcp::socket socket) {
  char data[1024];
  for (;;) {
    std::size_t n = co_await socket.async_read_some(asio::buffer(data), asio::use_awaitable);
    co_await asio::async_write(socket, asio::buffer(data, n), asio::use_awaitable);
  }
}

asio::awaitable<void> listener(unsigned short port) {
  auto executor = co_await asio::this_coro::executor;
  tcp::acceptor acceptor(executor, {tcp::v4(), port});
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    asio::co_spawn(executor, echo(std::move(socket)), asio::detached);
  }
}

asio::awaitable<std::string> client(unsigned short port) {
  using namespace asio::experimental::awaitable_operators;
  auto executor = co_await asio::this_coro::executor;
  tcp::socket socket(executor);
  co_await socket.async_connect({asio::ip::make_address("127.0.0.1"), port}, asio::use_awaitable);
  co_await asio::async_write(socket, asio::buffer(std::string("ping")), asio::use_awaitable);
  std::string reply(4, '\0');
  asio::steady_timer timer(executor, std::chrono::seconds(1));
  auto result = co_await (asio::async_read(socket, asio::buffer(reply), asio::use_awaitable) ||
                          timer.async_wait(asio::use_awaitable));
  co_return result.index() == 0 ? reply : std::string("timeout");
}

int main() {
  asio::io_context io;
  Server server(io, 5555);
  asio::co_spawn(io, listener(5556), asio::detached);
  asio::co_spawn(io, client(5556), [](std::exception_ptr, std::string s) { std::cout << s << '\n'; });
  asio::strand<asio::io_context::executor_type> strand(io.get_executor());
  asio::steady_timer t(io, std::chrono::milliseconds(50));
  t.async_wait(asio::bind_executor(strand, [&](std::error_code) { io.stop(); }));
  asio::post(strand, [] { std::cout << "posted\n"; });
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](auto, auto) { io.stop(); });
  io.run();
  return 0;
}
