package demo;

import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/users")
public class UserController {

  /** Returns one user. */
  @GetMapping("/{id}")
  public User get(@PathVariable long id) {
    return new User(id);
  }

  @PostMapping
  public User create(@RequestBody User user) {
    return user;
  }

  @RequestMapping(value = "/{id}", method = RequestMethod.PUT)
  public User replace(@PathVariable long id, @RequestBody User user) {
    return user;
  }
}
