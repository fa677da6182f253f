import { Body, Controller, Delete, Get, Param, Post, Version } from '@nestjs/common';
import { CatsService } from './cats.service';
import { CreateCatDto } from './dto/create-cat.dto';

@Controller('cats')
export class CatsController {
  constructor(private readonly catsService: CatsService) {}

  /** List every cat. */
  @Get()
  findAll() {
    return this.catsService.findAll();
  }

  @Get(':id')
  findOne(@Param('id') id: string) {
    return this.catsService.findOne(id);
  }

  @Post()
  async create(@Body() dto: CreateCatDto) {
    return this.catsService.create(dto);
  }

  private helper() {
    return 1;
  }
}

@Controller({ path: 'dogs', version: '2' })
export class DogsController {
  @Delete(':id')
  @Version('3')
  remove(@Param('id') id: string) {
    return { removed: id };
  }
}
